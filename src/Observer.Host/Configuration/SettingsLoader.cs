namespace Observer.Host.Configuration;

/// <summary>
/// Binds <see cref="ObserverSettings"/> with precedence flag &gt; environment &gt; config file &gt; default, then checks
/// the settings against each other. Any bad value is a <see cref="SettingsException"/> naming it.
/// </summary>
public static class SettingsLoader
{
    public const string ConfigFlag = "--config";
    public const string ConfigEnvironmentVariable = "CONFIG_FILE";

    /// <param name="flags">Values given on the command line, by setting name (a switch given alone has the value "").</param>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <param name="configPath">The <c>--config</c> flag, if given.</param>
    public static ObserverSettings Load(
        IReadOnlyDictionary<string, IReadOnlyList<string>> flags,
        Func<string, string?> environment,
        string? configPath)
    {
        var settings = new ObserverSettings();
        configPath ??= NonEmpty(environment(ConfigEnvironmentVariable));
        ConfigFile? file = null;
        if (configPath is not null)
        {
            file = ConfigFile.Load(configPath, SettingsCatalog.All.Select(d => d.FileKey).ToHashSet(StringComparer.Ordinal));
            settings.ConfigFile = configPath;
        }

        foreach (var descriptor in SettingsCatalog.All)
        {
            var (origin, values) = Resolve(descriptor, flags, environment, file);
            foreach (var value in values)
            {
                var error = descriptor.Apply(settings, value);
                if (error is not null)
                {
                    throw new SettingsException($"{origin}: {error}");
                }
            }
        }

        CheckConsistency(settings);
        return settings;
    }

    private static (string Origin, IReadOnlyList<string> Values) Resolve(
        SettingDescriptor descriptor,
        IReadOnlyDictionary<string, IReadOnlyList<string>> flags,
        Func<string, string?> environment,
        ConfigFile? file)
    {
        if (flags.TryGetValue(descriptor.Name, out var flagValues) && flagValues.Count > 0)
        {
            return (descriptor.Flag, flagValues);
        }

        foreach (var variable in descriptor.EnvironmentVariables)
        {
            var raw = environment(variable);
            if (raw is null || (raw.Length == 0 && descriptor.Shape != SettingShape.Switch))
            {
                continue;
            }

            IReadOnlyList<string> values = descriptor.Shape == SettingShape.List
                ? raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [raw];
            return ($"environment variable {variable}", values);
        }

        if (file is not null && file.Values.TryGetValue(descriptor.FileKey, out var fileValues))
        {
            if (descriptor.Shape != SettingShape.List && fileValues.Count != 1)
            {
                throw new SettingsException($"--config: '{descriptor.FileKey}' in '{file.Path}' takes one value, not a list");
            }

            return ($"'{descriptor.FileKey}' in config file '{file.Path}'", fileValues);
        }

        return ("default", []);
    }

    private static void CheckConsistency(ObserverSettings s)
    {
        if ((s.CaCert is null) != (s.CaKey is null))
        {
            throw new SettingsException("--ca-cert and --ca-key: give both (or neither, to use the generated CA)");
        }

        if (s.Journal == "postgres" && string.IsNullOrWhiteSpace(s.JournalConnection))
        {
            throw new SettingsException("--journal postgres needs --journal-connection \"Host=...;Database=...;Username=...\"");
        }

        if (s.NodeId is null && s.Journal == "postgres")
        {
            // Nodes sharing one journal each need a name that survives restarts, or a restarted node would not
            // find (and deliver) what it left unconfirmed.
            s.NodeId = s.ClusterPort != 0
                ? $"{s.ClusterHost}-{s.ClusterPort}"
                : throw new SettingsException("--journal postgres needs a stable --node-id (or a fixed --cluster-port) so each node finds its own backlog after a restart");
        }

        var ports = new[] { ("--proxy-port", s.ProxyPort), ("--https-proxy-port", s.HttpsProxyPort), ("--admin-port", s.AdminPort) };
        foreach (var group in ports.Where(p => p.Item2 != 0).GroupBy(p => p.Item2).Where(g => g.Count() > 1))
        {
            throw new SettingsException($"{string.Join(" and ", group.Select(p => p.Item1))} are both {group.Key}: each listener needs its own port");
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
