namespace Observer.Host.Commands;

/// <summary>Ports and folders of <c>axom-observer demo</c>.</summary>
public sealed record DemoSettings(
    string DataDir, int BackendPort, int DemoPort, int DemoHttpsPort, int ProxyPort, int HttpsProxyPort, int AdminPort,
    int Rounds, TimeSpan Interval, string TaskIdleGap, TimeSpan TaskPause);
