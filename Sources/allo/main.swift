import AlloCLI

await AlloCommand.runAsRoot()
