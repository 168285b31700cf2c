using Observer.Bench.Proxy;

// "--proxy-child": run only the proxy (measured for RSS in its own process); otherwise run the whole benchmark.
return args.Length > 0 && args[0] == "--proxy-child"
    ? await ProxyChild.RunAsync(args[1..])
    : await BenchRunner.RunAsync(args);
