using System.CommandLine;
using Observer.Host.Configuration;

namespace Observer.Host.Cli;

/// <summary>
/// The command-line options generated from <see cref="SettingsCatalog"/>. Options carry raw text: parsing and
/// validation happen in <see cref="SettingsLoader"/> so a bad flag, variable or file value gets the same message.
/// </summary>
public sealed class SettingOptions
{
    private readonly List<(SettingDescriptor Descriptor, Option Option)> _options = [];

    public SettingOptions()
    {
        Config = new Option<string>(SettingsLoader.ConfigFlag)
        {
            Description = $"YAML file with settings and tables (providers, prices, task_rules) [env: {SettingsLoader.ConfigEnvironmentVariable}]",
            HelpName = "file",
            Recursive = true,
        };

        foreach (var descriptor in SettingsCatalog.All)
        {
            var help = $"{descriptor.Description} [env: {string.Join(", ", descriptor.EnvironmentVariables)}] [default: {descriptor.DefaultText}]";
            Option option = descriptor.Shape switch
            {
                SettingShape.List => new Option<string[]>(descriptor.Flag)
                {
                    Description = help,
                    HelpName = "value",
                    Arity = ArgumentArity.OneOrMore,
                    AllowMultipleArgumentsPerToken = false,
                    Recursive = true,
                },
                SettingShape.Switch => new Option<string>(descriptor.Flag)
                {
                    Description = help,
                    HelpName = "true|false",
                    Arity = ArgumentArity.ZeroOrOne,
                    Recursive = true,
                },
                _ => new Option<string>(descriptor.Flag) { Description = help, HelpName = "value", Recursive = true },
            };
            _options.Add((descriptor, option));
        }
    }

    public Option<string> Config { get; }

    public IEnumerable<Option> All => _options.Select(o => o.Option).Prepend(Config);

    /// <summary>The flags given on this command line, by setting name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> GivenFlags(ParseResult result)
    {
        var given = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (descriptor, option) in _options)
        {
            var optionResult = result.GetResult(option);
            if (optionResult is null || optionResult.Implicit)
            {
                continue;
            }

            given[descriptor.Name] = option switch
            {
                Option<string[]> list => result.GetValue(list) ?? [],
                Option<string> scalar => [result.GetValue(scalar) ?? ""],
                _ => [],
            };
        }

        return given;
    }

    /// <summary>Binds the settings for this command line from flags, the process environment and the config file.</summary>
    public ObserverSettings Load(ParseResult result) =>
        SettingsLoader.Load(GivenFlags(result), Environment.GetEnvironmentVariable, result.GetValue(Config));
}
