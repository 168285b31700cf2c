using System.CommandLine;
using Observer.Host.Cli;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Observer.Actors.Persistence;
using Observer.Actors.Shipping;

namespace Observer.Host.Commands;

/// <summary>
/// <c>axom-observer signals dead-letters [--json]</c> lists the signals the backend rejected (non-retryable 4xx);
/// <c>axom-observer signals redeliver [--id ID]...</c> sends them again and removes each one the backend accepts.
/// Both work on the configured journal database whether or not an observer is running on it.
/// </summary>
public static class SignalsCommand
{
    public static Command Create(Func<ParseResult, (JournalOptions Journal, ShipperOptions Shipper)> settings)
    {
        var json = new Option<bool>("--json") { Description = "Print the dead letters as a JSON array (with each signal)" };
        var list = new Command("dead-letters", "List signals the backend rejected with a non-retryable 4xx") { json };
        list.SetAction((parse, cancellationToken) => RunAsync(async () =>
        {
            var (journal, _) = settings(parse);
            var letters = await new DeadLetterStore(new JournalDatabase(journal)).ListAsync(null, cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ToJson(letters));
            }
            else
            {
                PrintTable(letters);
            }

            return 0;
        }));

        var ids = new Option<string[]>("--id") { Description = "Signal id to redeliver (repeatable; default: all dead letters)", HelpName = "signal-id", Arity = ArgumentArity.ZeroOrMore };
        var redeliver = new Command("redeliver", "Send dead letters to the backend again; each one accepted (2xx) is removed") { ids };
        redeliver.SetAction((parse, cancellationToken) => RunAsync(async () =>
        {
            var (journal, shipper) = settings(parse);
            var selected = parse.GetValue(ids) is { Length: > 0 } given ? given : null;
            var store = new DeadLetterStore(new JournalDatabase(journal));
            var report = await new DeadLetterRedelivery(store, shipper).RedeliverAsync(selected, cancellationToken).ConfigureAwait(false);
            Console.Out.WriteLine($"{report.Found} dead letters found, {report.Delivered} redelivered, {report.Failed} still failing");
            foreach (var error in report.Errors)
            {
                Console.Error.WriteLine($"axom-observer: {error}");
            }

            return report.Failed == 0 ? 0 : 1;
        }));

        return new Command("signals", "Inspect and re-send signals the backend rejected") { list, redeliver };
    }

    private static async Task<int> RunAsync(Func<Task<int>> action)
    {
        try
        {
            // Bad settings (flag, env, file) get the same one line and exit code as every other command.
            return await CliErrors.GuardAsync(action).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DbException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"axom-observer: {ex.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }

    private static void PrintTable(IReadOnlyList<DeadLetter> letters)
    {
        foreach (var letter in letters)
        {
            Console.Out.WriteLine(string.Join(
                '\t',
                letter.SignalId,
                letter.BatchId,
                letter.Status.ToString(CultureInfo.InvariantCulture),
                letter.DeadLetteredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                letter.Reason));
        }

        Console.Error.WriteLine($"{letters.Count} dead letters");
    }

    private static string ToJson(IReadOnlyList<DeadLetter> letters)
    {
        var array = new JsonArray();
        foreach (var letter in letters)
        {
            array.Add(new JsonObject
            {
                ["signal_id"] = letter.SignalId,
                ["batch_id"] = letter.BatchId,
                ["status"] = letter.Status,
                ["reason"] = letter.Reason,
                ["dead_lettered_at"] = letter.DeadLetteredAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                ["signal"] = JsonNode.Parse(letter.SignalJson),
            });
        }

        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
