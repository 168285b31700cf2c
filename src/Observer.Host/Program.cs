using Observer.Host.Cli;

return await ObserverCli.InvokeAsync(args).ConfigureAwait(false);
