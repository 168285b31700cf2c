using System.CommandLine;
using Observer.Host.Cli;
using Observer.Host.Runtime;

namespace Observer.Host.Commands;

/// <summary><c>axom-observer run</c> (also the default): proxy, admin endpoint and actor system until SIGINT/SIGTERM.</summary>
public static class RunCommand
{
    public static Command Create(SettingOptions settings)
    {
        var run = new Command("run", "Run the observer: proxy listeners, admin endpoint and actor system, until SIGINT/SIGTERM");
        run.SetAction((parse, cancellationToken) => RunAsync(settings, parse, cancellationToken));
        return run;
    }

    public static Task<int> RunAsync(SettingOptions settings, ParseResult parse, CancellationToken cancellationToken) =>
        CliErrors.GuardAsync(async () =>
        {
            var observerSettings = settings.Load(parse);
            await using var application = ObserverApplication.Build(observerSettings);
            return await application.RunAsync(cancellationToken).ConfigureAwait(false);
        });
}
