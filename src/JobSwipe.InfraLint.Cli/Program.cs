using JobSwipe.InfraLint.Cli;

return InfraLintCli.Run(args, Console.Out, Console.Error);
