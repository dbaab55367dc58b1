using Aus.Cli;

return await AusCommandLine.RunAsync(args, Console.Out, Console.Error);
