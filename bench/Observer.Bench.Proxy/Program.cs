using Observer.Bench.Proxy;

// "--proxy-child": run only the proxy (measured for RSS in its own process); otherwise run the whole benchmark.
// "--relay-child": the TLS byte relay that gives the floor of any intercepting proxy (see TlsRelayChild).
return args.Length > 0 && args[0] == "--proxy-child" ? await ProxyChild.RunAsync(args[1..])
    : args.Length > 0 && args[0] == "--relay-child" ? await TlsRelayChild.RunAsync(args[1..])
    : await BenchRunner.RunAsync(args);
