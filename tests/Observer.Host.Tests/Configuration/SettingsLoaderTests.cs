using Observer.Host.Configuration;
using Observer.Host.Runtime;
using Observer.Providers;

namespace Observer.Host.Tests.Configuration;

public sealed class SettingsLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("axom-settings-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void NothingGiven_UsesDocumentedDefaults()
    {
        var s = Load();

        Assert.Equal("test-customer", s.CustomerId);
        Assert.Equal("test-agent", s.AgentId);
        Assert.Equal("http://localhost:8080/api/v1/signals", s.BackendUrl);
        Assert.Null(s.BackendToken);
        Assert.Equal(LogLevelSetting.Info, s.LogLevel);
        Assert.Equal("127.0.0.1", s.BindAddress);
        Assert.Equal(8888, s.ProxyPort);
        Assert.Equal(8443, s.HttpsProxyPort);
        Assert.Equal(2112, s.AdminPort);
        Assert.Equal("./data", s.DataDir);
        Assert.Null(s.CaCert);
        Assert.Null(s.UpstreamCa);
        Assert.Empty(s.Resolve);
        Assert.Equal("sqlite", s.Journal);
        Assert.Equal(TimeSpan.FromSeconds(30), s.TaskIdleGap);
    }

    [Fact]
    public void SameSettingEverywhere_FlagBeatsEnvironmentBeatsFileBeatsDefault()
    {
        var config = WriteConfig("proxy_port: 7001\nadmin-port: 7002\nagent_id: from-file\nlog_level: warn\n");
        var env = new Dictionary<string, string> { ["PROXY_PORT"] = "7101", ["ADMIN_PORT"] = "7102" };
        var flags = new Dictionary<string, IReadOnlyList<string>> { ["proxy-port"] = ["7201"] };

        var s = Load(flags, env, config);

        Assert.Equal(7201, s.ProxyPort);      // flag
        Assert.Equal(7102, s.AdminPort);      // env over file
        Assert.Equal("from-file", s.AgentId); // file over default
        Assert.Equal(LogLevelSetting.Warn, s.LogLevel);
        Assert.Equal(8443, s.HttpsProxyPort); // default
        Assert.Equal(config, s.ConfigFile);
    }

    [Fact]
    public void ConfigFileFromEnvironment_IsRead()
    {
        var config = WriteConfig("customer_id: acme\n");

        var s = Load(env: new Dictionary<string, string> { ["CONFIG_FILE"] = config });

        Assert.Equal("acme", s.CustomerId);
    }

    [Fact]
    public void AgentSecret_IsAcceptedAsBackendToken_ButBackendTokenWins()
    {
        Assert.Equal("s1", Load(env: new Dictionary<string, string> { ["AGENT_SECRET"] = "s1" }).BackendToken);
        Assert.Equal("t1", Load(env: new Dictionary<string, string> { ["AGENT_SECRET"] = "s1", ["BACKEND_TOKEN"] = "t1" }).BackendToken);
    }

    [Fact]
    public void Lists_RepeatFlagsSplitEnvironmentAndReadYamlSequences()
    {
        var fromFlags = Load(new Dictionary<string, IReadOnlyList<string>> { ["intercept"] = ["a.example", "*.b.example"] });
        var fromEnv = Load(env: new Dictionary<string, string> { ["RESOLVE"] = "api.openai.com:443=127.0.0.1:5443, api.anthropic.com:443=127.0.0.1:5443" });
        var fromFile = Load(configPath: WriteConfig("passthrough:\n  - bank.example\n  - '*.pinned.example'\n"));

        Assert.Equal(["a.example", "*.b.example"], fromFlags.Intercept);
        Assert.Equal(["api.openai.com:443=127.0.0.1:5443", "api.anthropic.com:443=127.0.0.1:5443"], fromEnv.Resolve);
        Assert.Equal(["bank.example", "*.pinned.example"], fromFile.Passthrough);
    }

    [Fact]
    public void DurationsSizesAndSwitches_AreParsed()
    {
        var s = Load(new Dictionary<string, IReadOnlyList<string>>
        {
            ["task-idle-gap"] = ["45s"],
            ["shutdown-grace"] = ["1500ms"],
            ["max-backlog"] = ["2GiB"],
            ["tap-limit"] = ["64KiB"],
            ["intercept-all"] = [""],
            ["inline-io"] = ["false"],
        });

        Assert.Equal(TimeSpan.FromSeconds(45), s.TaskIdleGap);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), s.ShutdownGrace);
        Assert.Equal(2L << 30, s.MaxBacklogBytes);
        Assert.Equal(64 * 1024, s.TapLimitBytes);
        Assert.True(s.InterceptAll);
        Assert.False(s.InlineIo);
        Assert.False(ProxyComposition.CreateOptions(s, ProvidersConfiguration.LoadDefault()).InlineScheduling);
        Assert.True(ProxyComposition.CreateOptions(new ObserverSettings(), ProvidersConfiguration.LoadDefault()).InlineScheduling);
    }

    [Theory]
    [InlineData("proxy-port", "abc", "--proxy-port: 'abc' is not a port number")]
    [InlineData("proxy-port", "70000", "--proxy-port: '70000' is not a port number")]
    [InlineData("admin-port", "-1", "--admin-port: '-1' is not a port number")]
    [InlineData("backend-url", "not a url", "--backend-url: 'not a url' is not an absolute http:// or https:// URL")]
    [InlineData("backend-url", "ftp://x/y", "--backend-url: 'ftp://x/y' is not an absolute http:// or https:// URL")]
    [InlineData("log-level", "verbose", "--log-level: 'verbose' is not a log level (debug, info, warn, error)")]
    [InlineData("bind", "localhost:80", "--bind: 'localhost:80' is not an IP address")]
    [InlineData("ca-cert", "/nonexistent/ca.pem", "--ca-cert: cannot read file '/nonexistent/ca.pem'")]
    [InlineData("upstream-ca", "/nonexistent/roots.pem", "--upstream-ca: cannot read file '/nonexistent/roots.pem'")]
    [InlineData("task-idle-gap", "soon", "--task-idle-gap: 'soon' is not a duration")]
    [InlineData("max-backlog", "lots", "--max-backlog: 'lots' is not a size")]
    [InlineData("journal", "mysql", "--journal: 'mysql' is not a journal (sqlite, postgres)")]
    [InlineData("intercept", "bad host!", "--intercept: 'bad host!' is not a host pattern")]
    [InlineData("cluster-seeds", "http://x:1", "--cluster-seeds: 'http://x:1' is not an akka.tcp:// address")]
    [InlineData("agent-id", " ", "--agent-id: must not be empty")]
    public void BadFlagValue_NamesTheFlagAndTheReason(string name, string value, string expectedStart)
    {
        var error = Assert.Throws<SettingsException>(() => Load(new Dictionary<string, IReadOnlyList<string>> { [name] = [value] }));

        Assert.StartsWith(expectedStart, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void BadEnvironmentValue_NamesTheVariable()
    {
        var error = Assert.Throws<SettingsException>(() => Load(env: new Dictionary<string, string> { ["PROXY_PORT"] = "eighty" }));

        Assert.Equal("environment variable PROXY_PORT: 'eighty' is not a port number (0-65535)", error.Message);
    }

    [Fact]
    public void BadFileValue_NamesTheKeyAndFile()
    {
        var config = WriteConfig("log_level: loud\n");

        var error = Assert.Throws<SettingsException>(() => Load(configPath: config));

        Assert.Equal($"'log_level' in config file '{config}': 'loud' is not a log level (debug, info, warn, error)", error.Message);
    }

    [Fact]
    public void UnknownKeyInFile_IsRejectedWithItsLine()
    {
        var config = WriteConfig("proxy_port: 1\nproxi_port: 2\n");

        var error = Assert.Throws<SettingsException>(() => Load(configPath: config));

        Assert.Equal($"--config: unknown setting 'proxi_port' in '{config}' (line 2)", error.Message);
    }

    [Fact]
    public void TablesInFile_AreLeftToTheirOwnParts()
    {
        var config = WriteConfig("providers:\n  - slug: acme\nprices: []\ntask_rules: {}\nagent_id: a1\n");

        Assert.Equal("a1", Load(configPath: config).AgentId);
    }

    [Fact]
    public void MalformedYaml_IsAOneLineError()
    {
        var config = WriteConfig("proxy_port: [1,\n");

        var error = Assert.Throws<SettingsException>(() => Load(configPath: config));

        Assert.StartsWith($"--config: '{config}' is not valid YAML", error.Message);
    }

    [Fact]
    public void MissingConfigFile_IsAnError()
    {
        var error = Assert.Throws<SettingsException>(() => Load(configPath: Path.Combine(_directory, "missing.yaml")));

        Assert.StartsWith("--config: cannot read file", error.Message);
    }

    [Fact]
    public void CaCertWithoutKey_IsRejected()
    {
        var cert = WriteConfig("not really a cert");

        var error = Assert.Throws<SettingsException>(() => Load(new Dictionary<string, IReadOnlyList<string>> { ["ca-cert"] = [cert] }));

        Assert.Equal("--ca-cert and --ca-key: give both (or neither, to use the generated CA)", error.Message);
    }

    [Fact]
    public void PostgresJournalWithoutConnection_IsRejected()
    {
        var error = Assert.Throws<SettingsException>(() => Load(new Dictionary<string, IReadOnlyList<string>> { ["journal"] = ["postgres"] }));

        Assert.StartsWith("--journal postgres needs --journal-connection", error.Message);
    }

    [Fact]
    public void PostgresJournal_NamesTheNodeAfterItsClusterAddress_OrNeedsANodeId()
    {
        var connection = "Host=127.0.0.1;Database=axom";
        var derived = Load(new Dictionary<string, IReadOnlyList<string>>
        {
            ["journal"] = ["postgres"], ["journal-connection"] = [connection], ["cluster-host"] = ["node-a.svc"], ["cluster-port"] = ["4053"],
        });
        var given = Load(new Dictionary<string, IReadOnlyList<string>>
        {
            ["journal"] = ["postgres"], ["journal-connection"] = [connection], ["node-id"] = ["observer-1"],
        });
        var error = Assert.Throws<SettingsException>(() => Load(new Dictionary<string, IReadOnlyList<string>>
        {
            ["journal"] = ["postgres"], ["journal-connection"] = [connection],
        }));

        Assert.Equal("node-a.svc-4053", derived.NodeId);
        Assert.Equal("observer-1", given.NodeId);
        Assert.StartsWith("--journal postgres needs a stable --node-id", error.Message);
        Assert.Null(Load().NodeId);
    }

    [Fact]
    public void TwoListenersOnOnePort_AreRejected()
    {
        var error = Assert.Throws<SettingsException>(() => Load(new Dictionary<string, IReadOnlyList<string>> { ["admin-port"] = ["8888"] }));

        Assert.Equal("--proxy-port and --admin-port are both 8888: each listener needs its own port", error.Message);
    }

    private string WriteConfig(string yaml)
    {
        var path = Path.Combine(_directory, $"config-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static ObserverSettings Load(
        IReadOnlyDictionary<string, IReadOnlyList<string>>? flags = null,
        IReadOnlyDictionary<string, string>? env = null,
        string? configPath = null) =>
        SettingsLoader.Load(flags ?? new Dictionary<string, IReadOnlyList<string>>(), name => env?.GetValueOrDefault(name), configPath);
}
