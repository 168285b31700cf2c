namespace Observer.DemoAI.Agent;

/// <summary>Fetches the observer's CA certificate from its admin endpoint (<c>/ca.pem</c>), waiting for it to come up.</summary>
public static class CaDownload
{
    public static async Task<string> ToTempFileAsync(Uri url, TimeSpan waitAtMost, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + waitAtMost;
        Exception? last = null;
        while (true)
        {
            try
            {
                var pem = await http.GetStringAsync(url, cancellationToken);
                if (pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
                {
                    var path = Path.Combine(Path.GetTempPath(), $"axom-demo-agent-ca-{Environment.ProcessId}.pem");
                    await File.WriteAllTextAsync(path, pem, cancellationToken);
                    output.WriteLine($"axom-demo-ai agent: CA from {url} saved to {path}");
                    return path;
                }
            }
            catch (HttpRequestException e)
            {
                last = e; // The observer is not up yet.
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                last = e; // This attempt timed out.
            }

            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"no PEM certificate at {url} within {waitAtMost.TotalSeconds:F0} s", last);
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }
}
