using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Observer.Backend.Tests.Support;
using Observer.Contracts.Signals;

namespace Observer.Backend.Tests.Ingest;

public sealed class AuthenticationTests
{
    private const string Token = "backend-token-123";
    private const string Key = "signing-key-456";

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-token")]
    [InlineData("Basic YmFja2VuZC10b2tlbi0xMjM=")]
    [InlineData("Bearer backend-token-1234")]
    public async Task MissingOrWrongToken_Returns401(string? authorization)
    {
        await using var backend = await RunningBackend.StartAsync(o => o.Token = Token);
        using var request = Post(SignalJson.SerializeBatch([Signals.Call()]));
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await backend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(Token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RightToken_Returns200()
    {
        await using var backend = await RunningBackend.StartAsync(o => o.Token = Token);
        using var request = Post(SignalJson.SerializeBatch([Signals.Call()]));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var response = await backend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=00")]
    [InlineData("sha256=not-hex")]
    [InlineData("md5=abc")]
    public async Task MissingOrBadSignature_Returns401(string? signature)
    {
        await using var backend = await RunningBackend.StartAsync(o => o.SigningKey = Key);
        using var request = Post(SignalJson.SerializeBatch([Signals.Call()]));
        if (signature is not null)
        {
            request.Headers.Add("X-Axom-Signature", signature);
        }

        var response = await backend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignatureOfAnotherBody_Returns401()
    {
        await using var backend = await RunningBackend.StartAsync(o => o.SigningKey = Key);
        var signedBody = SignalJson.SerializeBatch([Signals.Call()]);
        using var request = Post(SignalJson.SerializeBatch([Signals.Call()]));
        request.Headers.Add("X-Axom-Signature", Sign(signedBody));

        var response = await backend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GoodSignatureAndToken_Returns200()
    {
        await using var backend = await RunningBackend.StartAsync(o =>
        {
            o.Token = Token;
            o.SigningKey = Key;
        });
        var body = SignalJson.SerializeBatch([Signals.Call()]);
        using var request = Post(body);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        request.Headers.Add("X-Axom-Signature", Sign(body));

        var response = await backend.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // Computed here independently of the backend's own helper, as a sender would.
    private static string Sign(byte[] body) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Key), body)).ToLowerInvariant();

    private static HttpRequestMessage Post(byte[] body) => new(HttpMethod.Post, "/api/v1/signals")
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
    };
}
