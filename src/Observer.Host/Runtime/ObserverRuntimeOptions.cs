namespace Observer.Host.Runtime;

/// <summary>Host-level runtime settings the composed services need (the rest go to each part's own options).</summary>
public sealed record ObserverRuntimeOptions(TimeSpan ShutdownGrace, string CaCertificatePath, string ProxyBindAddress);
