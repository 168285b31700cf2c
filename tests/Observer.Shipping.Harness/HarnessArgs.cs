using Observer.Actors.Persistence;
using Observer.Actors.Shipping;

/// <summary>Command-line settings of the harness.</summary>
internal sealed record HarnessArgs(JournalOptions Journal, ShipperOptions Shipper, int Produce, string? IdsFile)
{
    public static HarnessArgs Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        var journal = new JournalOptions
        {
            Kind = values.GetValueOrDefault("--journal", JournalOptions.Sqlite),
            DataDir = values.GetValueOrDefault("--data-dir", "./data"),
            ConnectionString = values.GetValueOrDefault("--journal-connection"),
        };
        var shipper = new ShipperOptions
        {
            BackendUrl = values["--backend"],
            BatchSize = int.Parse(values.GetValueOrDefault("--batch-size", "200"), System.Globalization.CultureInfo.InvariantCulture),
            BatchDelay = TimeSpan.FromMilliseconds(50),
            InitialBackoff = TimeSpan.FromMilliseconds(100),
            MaxBackoff = TimeSpan.FromSeconds(1),
            ShipperId = values.GetValueOrDefault("--shipper-id", "harness"),
        };
        var produce = int.Parse(values.GetValueOrDefault("--produce", "0"), System.Globalization.CultureInfo.InvariantCulture);
        return new HarnessArgs(journal, shipper, produce, values.GetValueOrDefault("--ids-file"));
    }
}
