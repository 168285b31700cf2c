using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Observer.DemoAI.Agent;
using Observer.DemoAI.Tls;
using Observer.DemoAI.Tests.Support;

namespace Observer.DemoAI.Tests.Agent;

public sealed class CaDownloadTests
{
    [Fact]
    public async Task AdminEndpointServingPem_IsSavedToAFile()
    {
        using var certificates = DemoCertificates.Create();
        var pem = certificates.Authority.ExportCertificatePem();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var admin = builder.Build();
        admin.MapGet("/ca.pem", () => Results.Text(pem, "application/x-pem-file"));
        await admin.StartAsync();

        var path = await CaDownload.ToTempFileAsync(new Uri(admin.Urls.First() + "/ca.pem"), TimeSpan.FromSeconds(30), TextWriter.Null, CancellationToken.None);

        try
        {
            Assert.Equal(pem, await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
            await admin.StopAsync();
        }
    }

    [Fact]
    public async Task NothingListening_TimesOut()
    {
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}/ca.pem");

        await Assert.ThrowsAsync<TimeoutException>(() => CaDownload.ToTempFileAsync(url, TimeSpan.FromSeconds(2), TextWriter.Null, CancellationToken.None));
    }
}
