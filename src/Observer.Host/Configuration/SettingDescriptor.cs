namespace Observer.Host.Configuration;

/// <summary>How a setting is written on the command line.</summary>
public enum SettingShape
{
    /// <summary><c>--name VALUE</c>.</summary>
    Scalar,

    /// <summary><c>--name</c> alone means true; <c>--name false</c> is accepted too.</summary>
    Switch,

    /// <summary><c>--name A --name B</c>; comma-separated in the environment; a list in the file.</summary>
    List,
}

/// <summary>
/// One row of the settings table: its flag, environment variables, default (for help), and how a raw text value
/// is parsed into <see cref="ObserverSettings"/>. <see cref="Apply"/> returns an error reason, or null when the value is good.
/// </summary>
public sealed record SettingDescriptor(
    string Name,
    IReadOnlyList<string> EnvironmentVariables,
    string Description,
    string DefaultText,
    SettingShape Shape,
    Func<ObserverSettings, string, string?> Apply)
{
    public string Flag => "--" + Name;

    /// <summary>The key in the YAML config file: the flag name with '-' as '_' (both spellings are accepted).</summary>
    public string FileKey => Name.Replace('-', '_');
}
