using System.CommandLine;
using Observer.Host.Commands;
using Observer.Host.Runtime;

namespace Observer.Host.Cli;

/// <summary>The <c>axom-observer</c> command tree. With no command it runs the observer.</summary>
public static class ObserverCli
{
    public static RootCommand Create()
    {
        var settings = new SettingOptions();
        var root = new RootCommand("Axom Observer: a forward proxy that observes AI traffic and ships signals to a backend.");
        root.Subcommands.Add(RunCommand.Create(settings));
        root.Subcommands.Add(CaCommand.Create(settings));
        root.Subcommands.Add(SignalsCommand.Create(parse =>
        {
            var observer = settings.Load(parse);
            return (ActorComposition.CreateJournalOptions(observer), ActorComposition.CreateShipperOptions(observer));
        }));
        root.Subcommands.Add(SessionsCommand.Create(settings.Load));
        var demo = DemoCommand.Create((args, cancellationToken) =>
            Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancellationToken));
        root.Subcommands.Add(demo);
        settings.AddTo(root, except: demo);
        root.SetAction((parse, cancellationToken) => RunCommand.RunAsync(settings, parse, cancellationToken));
        return root;
    }

    public static Task<int> InvokeAsync(string[] args) =>
        // The generic host handles SIGINT/SIGTERM itself (graceful shutdown); System.CommandLine must not race it.
        Create().Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
}
