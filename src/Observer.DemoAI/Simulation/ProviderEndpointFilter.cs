using Observer.DemoAI.Hosting;

namespace Observer.DemoAI.Simulation;

/// <summary>
/// Applied to every provider endpoint: serves a provider's paths only under its own hostname or a neutral one
/// (<c>https://api.anthropic.com/v1/chat/completions</c> is a 404, as in reality), and honours <c>X-Demo-Status</c>.
/// </summary>
public static class ProviderEndpointFilter
{
    public static RouteHandlerBuilder ForProvider(this RouteHandlerBuilder builder, DemoProvider provider) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            if (ProviderHosts.FromHost(request.Host) is { } other && other != provider)
            {
                return ProviderErrors.Result(other, StatusCodes.Status404NotFound, $"{request.Path} is not an endpoint of {request.Host.Host}");
            }

            var pacing = Pacing.From(request, context.HttpContext.RequestServices.GetRequiredService<DemoAiOptions>());
            if (pacing.ForcedStatus is { } status && status >= 400)
            {
                await pacing.BeforeHeadersAsync(context.HttpContext.RequestAborted);
                return ProviderErrors.Result(provider, status);
            }

            return await next(context);
        });
}
