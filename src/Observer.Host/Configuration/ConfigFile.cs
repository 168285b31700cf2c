using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Observer.Host.Configuration;

/// <summary>
/// The optional YAML config file: the same settings as the flags (keys like <c>proxy_port</c> or <c>proxy-port</c>)
/// plus larger tables read by their own parts (<c>providers</c>, <c>prices</c>, <c>task_rules</c>, <c>outcome_rules</c>).
/// </summary>
public sealed class ConfigFile
{
    /// <summary>Top-level keys that hold tables for other parts; the settings loader leaves them alone.</summary>
    public static readonly IReadOnlySet<string> TableKeys = new HashSet<string>(StringComparer.Ordinal)
    {
        "providers", "prices", "task_rules", "outcome_rules",
    };

    private ConfigFile(string path, Dictionary<string, IReadOnlyList<string>> values)
    {
        Path = path;
        Values = values;
    }

    public string Path { get; }

    /// <summary>Setting values by normalised key (<c>proxy_port</c>); a scalar is a one-element list.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; }

    /// <summary>Reads and checks the file; a missing file, bad YAML or an unknown key is a <see cref="SettingsException"/>.</summary>
    public static ConfigFile Load(string path, IReadOnlySet<string> settingKeys)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new SettingsException($"--config: cannot read file '{path}': {ex.Message}");
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new SettingsException($"--config: '{path}' is not valid YAML (line {ex.Start.Line}): {ex.Message}");
        }

        var values = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return new ConfigFile(path, values);
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new SettingsException($"--config: '{path}' must be a mapping of settings at the top level");
        }

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((keyNode as YamlScalarNode)?.Value ?? "").Replace('-', '_');
            if (TableKeys.Contains(key))
            {
                continue;
            }

            if (!settingKeys.Contains(key))
            {
                throw new SettingsException($"--config: unknown setting '{key}' in '{path}' (line {keyNode.Start.Line})");
            }

            values[key] = valueNode switch
            {
                YamlScalarNode scalar => [scalar.Value ?? ""],
                YamlSequenceNode sequence => sequence.Children.Select(item => item is YamlScalarNode s
                    ? s.Value ?? ""
                    : throw new SettingsException($"--config: '{key}' in '{path}' must be a list of plain values (line {item.Start.Line})")).ToList(),
                _ => throw new SettingsException($"--config: '{key}' in '{path}' must be a value or a list (line {valueNode.Start.Line})"),
            };
        }

        return new ConfigFile(path, values);
    }
}
