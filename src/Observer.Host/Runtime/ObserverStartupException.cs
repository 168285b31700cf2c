namespace Observer.Host.Runtime;

/// <summary>The observer could not start (a port in use, a journal that cannot be opened…); the message is one line.</summary>
public sealed class ObserverStartupException(string message, Exception inner) : Exception(message, inner);
