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
                },
                SettingShape.Switch => new Option<string>(descriptor.Flag)
                {
                    Description = help,
                    HelpName = "true|false",
                    Arity = ArgumentArity.ZeroOrOne,
                },
                _ => new Option<string>(descriptor.Flag) { Description = help, HelpName = "value" },
            };
            _options.Add((descriptor, option));
        }
    }

    public Option<string> Config { get; }

    public IEnumerable<Option> All => _options.Select(o => o.Option).Prepend(Config);

    /// <summary>
    /// Adds the settings options to a command and its subcommands, except those listed (a command with settings of
    /// its own, like <c>demo</c>, would otherwise see two options of one name).
    /// </summary>
    public void AddTo(Command command, params Command[] except)
    {
        if (except.Contains(command))
        {
            return;
        }

        foreach (var option in All)
        {
            command.Options.Add(option);
        }

        foreach (var subcommand in command.Subcommands)
        {
            AddTo(subcommand, except);
        }
    }

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
