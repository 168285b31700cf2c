using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Observer.Proxy.Observation;

/// <summary>
/// Replaces Kestrel's response body feature for one exchange: the stream is tapped, everything else (start,
/// complete, buffering, send-file) goes to Kestrel's own feature so response semantics are unchanged.
/// </summary>
internal sealed class ResponseTapFeature : IHttpResponseBodyFeature
{
    private readonly IHttpResponseBodyFeature _inner;
    private readonly ExchangeObservation _observation;
    private PipeWriter? _writer;

    public ResponseTapFeature(IHttpResponseBodyFeature inner, HttpResponse response, ExchangeObservation observation)
    {
        _inner = inner;
        _observation = observation;
        Stream = new ResponseTapStream(inner.Stream, response, observation);
    }

    public Stream Stream { get; }

    /// <summary>A writer over the tapped stream, so writer users are observed too.</summary>
    public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        _observation.MarkFirstResponseByte();
        return _inner.StartAsync(cancellationToken);
    }

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        _inner.SendFileAsync(path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync().ConfigureAwait(false);
        }

        await _inner.CompleteAsync().ConfigureAwait(false);
    }
}
