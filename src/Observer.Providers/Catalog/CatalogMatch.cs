namespace Observer.Providers.Catalog;

/// <summary>The result of matching a request against the catalog.</summary>
/// <param name="Provider">The provider whose host pattern matched.</param>
/// <param name="Operation">The operation of the matching path rule, or <c>other</c>.</param>
/// <param name="Parser">The parser family to read the bodies with.</param>
/// <param name="PathModel">The model captured from the path (<c>{model}</c>), or null.</param>
public sealed record CatalogMatch(ProviderEntry Provider, string Operation, string Parser, string? PathModel);
