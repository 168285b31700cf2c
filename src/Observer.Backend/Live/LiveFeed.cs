using System.Threading.Channels;

namespace Observer.Backend.Live;

/// <summary>
/// Fans newly stored signals out to connected dashboards. Each subscriber has a bounded queue that drops its oldest
/// entries when the browser falls behind, so a slow page never holds up ingestion.
/// </summary>
public sealed class LiveFeed
{
    public const int QueueCapacity = 1000;

    private readonly Lock _gate = new();
    private readonly List<Channel<LiveEvent>> _subscribers = [];

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public ChannelReader<LiveEvent> Subscribe(CancellationToken until)
    {
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        until.Register(() =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }

    public void Publish(LiveEvent liveEvent)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(liveEvent);
            }
        }
    }
}
