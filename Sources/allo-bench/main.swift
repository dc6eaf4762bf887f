print("allo-bench: figures arrive with the SDK resources")
