using System.CommandLine;
using Observer.Host.Cli;
using Observer.Proxy.Tls;

namespace Observer.Host.Commands;

/// <summary><c>axom-observer ca export [--out FILE]</c>: writes the CA certificate (PEM) — never the key.</summary>
public static class CaCommand
{
    public static Command Create(SettingOptions settings)
    {
        var output = new Option<string>("--out") { Description = "File to write the PEM certificate to (default: standard output)", HelpName = "file" };
        var export = new Command("export", "Write the observer's CA certificate (PEM, never the key), generating the CA on first use") { output };
        export.SetAction(parse => CliErrors.Guard(() =>
        {
            var s = settings.Load(parse);
            using var ca = CertificateAuthority.LoadOrCreate(s.DataDir, s.CaCert, s.CaKey);
            var pem = ca.ExportCertificatePem();
            var path = parse.GetValue(output);
            if (path is null)
            {
                Console.Out.Write(pem);
            }
            else
            {
                File.WriteAllText(path, pem);
                Console.Error.WriteLine($"CA certificate written to {Path.GetFullPath(path)}");
            }

            return 0;
        }));

        return new Command("ca", "Manage the observer's certificate authority") { export };
    }
}
