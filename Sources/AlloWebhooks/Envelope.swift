import AlloKit
