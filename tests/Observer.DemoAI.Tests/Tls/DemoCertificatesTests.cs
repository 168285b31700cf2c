using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Observer.DemoAI.Tests.Support;
using Observer.DemoAI.Tls;

namespace Observer.DemoAI.Tests.Tls;

public sealed class DemoCertificatesTests
{
    [Fact]
    public async Task HttpsToApiOpenAiCom_ValidatesAgainstTheWrittenDemoCa()
    {
        await using var demo = await RunningDemoAi.StartAsync();
        using var https = demo.Https(demo.CaPath);

        var response = await https.PostAsync("https://api.openai.com/v1/embeddings", new StringContent("{\"model\":\"m\",\"input\":\"x\"}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HttpsTrustingAnotherCa_FailsValidation()
    {
        await using var demo = await RunningDemoAi.StartAsync();
        using var other = DemoCertificates.Create();
        var otherCa = Path.Combine(demo.Folder, "other-ca.pem");
        other.WriteAuthorityPem(otherCa);
        using var https = demo.Https(otherCa);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => https.GetAsync("https://api.openai.com/health"));

        Assert.IsType<AuthenticationException>(error.InnerException);
    }

    [Fact]
    public void ServerCertificate_ChainsToTheCaForEveryProviderHostname()
    {
        using var certificates = DemoCertificates.Create();
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(certificates.Authority);

        Assert.True(chain.Build(certificates.Server), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
        foreach (var host in DemoCertificates.Hostnames)
        {
            Assert.True(certificates.Server.MatchesHostname(host), host);
        }

        Assert.False(certificates.Server.MatchesHostname("api.example.com"));
    }

    [Fact]
    public void WrittenPem_HoldsOnlyTheCaCertificate()
    {
        using var certificates = DemoCertificates.Create();
        var path = Path.Combine(Path.GetTempPath(), $"axom-demo-ca-{Guid.NewGuid():N}.pem");
        try
        {
            certificates.WriteAuthorityPem(path);
            var pem = File.ReadAllText(path);

            Assert.DoesNotContain("PRIVATE KEY", pem, StringComparison.Ordinal);
            using var loaded = X509Certificate2.CreateFromPem(pem);
            Assert.Equal(certificates.Authority.Thumbprint, loaded.Thumbprint);
            Assert.False(loaded.HasPrivateKey);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
