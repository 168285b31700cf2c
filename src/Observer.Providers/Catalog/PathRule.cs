namespace Observer.Providers.Catalog;

/// <summary>One path of a provider: which operation it is and, when it differs from the provider's, the parser family.</summary>
/// <param name="Pattern">The path pattern.</param>
/// <param name="Operation">An operation of the SIGNALS.md vocabulary.</param>
/// <param name="Parser">A parser family overriding the provider's, or null.</param>
/// <param name="Method">An HTTP method the rule is limited to, or null for any.</param>
public sealed record PathRule(PathPattern Pattern, string Operation, string? Parser, string? Method);
