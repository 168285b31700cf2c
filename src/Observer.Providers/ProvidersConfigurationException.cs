namespace Observer.Providers;

/// <summary>A catalog, price or local-host entry is invalid; the message is one line naming the entry.</summary>
public sealed class ProvidersConfigurationException : Exception
{
    public ProvidersConfigurationException()
    {
    }

    public ProvidersConfigurationException(string message)
        : base(message)
    {
    }

    public ProvidersConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
