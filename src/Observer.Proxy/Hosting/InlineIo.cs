namespace Observer.Proxy.Hosting;

/// <summary>
/// Process-wide choice to run socket completions on the socket engine's own threads instead of handing each one to
/// the thread pool. Every hop through the pool is a thread wake-up; an intercepted exchange has several per
/// direction, and on an idle machine each costs tens of microseconds (docs/benchmarks.md, Proxy).
/// </summary>
/// <remarks>
/// The runtime reads <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> once, when the first socket is created, so
/// <see cref="Apply"/> must run before any socket exists. With it the runtime starts one socket engine thread per
/// core, so the engine threads are not a bottleneck. The proxy's own code never blocks a thread it runs on.
/// </remarks>
public static class InlineIo
{
    public const string SocketCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <summary>Switches inline socket completions on unless the environment already decided either way.</summary>
    /// <returns>Whether socket completions will run inline in this process.</returns>
    public static bool Apply(bool enabled)
    {
        var explicitValue = Environment.GetEnvironmentVariable(SocketCompletionsVariable);
        if (explicitValue is null && enabled)
        {
            Environment.SetEnvironmentVariable(SocketCompletionsVariable, "1");
            return true;
        }

        return explicitValue == "1";
    }
}
