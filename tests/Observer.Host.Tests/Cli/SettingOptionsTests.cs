using System.CommandLine;
using Observer.Host.Cli;

namespace Observer.Host.Tests.Cli;

public sealed class SettingOptionsTests
{
    [Fact]
    public void FlagsOnSubcommand_AreReadAsGivenFlags()
    {
        var (settings, root) = CreateRoot();

        var parse = root.Parse(["run", "--proxy-port", "9001", "--resolve", "a:443=127.0.0.1:1", "--resolve", "b:443=127.0.0.1:2", "--intercept-all"]);

        Assert.Empty(parse.Errors);
        var given = settings.GivenFlags(parse);
        Assert.Equal(["9001"], given["proxy-port"]);
        Assert.Equal(["a:443=127.0.0.1:1", "b:443=127.0.0.1:2"], given["resolve"]);
        Assert.Equal([""], given["intercept-all"]);
        Assert.False(given.ContainsKey("admin-port"));
    }

    [Fact]
    public void ExceptedCommand_KeepsItsOwnOptionOfTheSameName()
    {
        var (settings, root) = CreateRoot();

        var parse = root.Parse(["own", "--proxy-port", "9001"]);

        Assert.Empty(parse.Errors);
        Assert.Empty(settings.GivenFlags(parse));
        Assert.Equal("9001", parse.GetValue<string>("--proxy-port"));
    }

    [Fact]
    public void FlagNotGiven_IsAbsentSoEnvironmentCanApply()
    {
        var (settings, root) = CreateRoot();

        var given = settings.GivenFlags(root.Parse(["run"]));

        Assert.Empty(given);
    }

    [Fact]
    public void EverySetting_HasAFlagInHelp()
    {
        var (_, root) = CreateRoot();
        var output = new StringWriter();

        root.Parse(["run", "--help"]).Invoke(new InvocationConfiguration { Output = output });

        foreach (var descriptor in Observer.Host.Configuration.SettingsCatalog.All)
        {
            Assert.Contains(descriptor.Flag, output.ToString());
            Assert.Contains(descriptor.EnvironmentVariables[0], output.ToString());
        }
    }

    private static (SettingOptions Settings, RootCommand Root) CreateRoot()
    {
        var settings = new SettingOptions();
        var root = new RootCommand();
        var run = new Command("run");
        run.SetAction(_ => 0);
        root.Subcommands.Add(run);
        var own = new Command("own") { new Option<string>("--proxy-port") };
        own.SetAction(_ => 0);
        root.Subcommands.Add(own);
        settings.AddTo(root, except: own);
        return (settings, root);
    }
}
