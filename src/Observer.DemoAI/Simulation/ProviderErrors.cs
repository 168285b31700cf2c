using System.Text.Json.Nodes;

namespace Observer.DemoAI.Simulation;

/// <summary>Error bodies in each provider's own documented shape.</summary>
public static class ProviderErrors
{
    public static IResult Result(DemoProvider provider, int status, string? message = null, int? retryAfterSeconds = null)
    {
        message ??= DefaultMessage(status);
        var body = provider switch
        {
            DemoProvider.Anthropic => new JsonObject
            {
                ["type"] = "error",
                ["error"] = new JsonObject { ["type"] = AnthropicType(status), ["message"] = message },
            },
            DemoProvider.Gemini => new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = status, ["message"] = message, ["status"] = GoogleStatus(status) },
            },
            DemoProvider.Deepgram => new JsonObject
            {
                ["err_code"] = status == 429 ? "TOO_MANY_REQUESTS" : "REQUEST_FAILED", ["err_msg"] = message, ["request_id"] = Guid.NewGuid().ToString(),
            },
            DemoProvider.ElevenLabs => new JsonObject
            {
                ["detail"] = new JsonObject { ["status"] = status == 429 ? "too_many_concurrent_requests" : "error", ["message"] = message },
            },
            _ => new JsonObject
            {
                ["error"] = new JsonObject
                {
                    ["message"] = message,
                    ["type"] = status == 429 ? "requests" : status >= 500 ? "server_error" : "invalid_request_error",
                    ["param"] = null,
                    ["code"] = status == 429 ? "rate_limit_exceeded" : null,
                },
            },
        };
        return new ErrorResult(status, body.ToJsonString(), retryAfterSeconds ?? (status == 429 ? 1 : null));
    }

    private static string DefaultMessage(int status) => status switch
    {
        429 => "Rate limit reached for requests (demo). Please try again in 1s.",
        500 => "The server had an error while processing your request (demo).",
        503 => "The engine is currently overloaded (demo).",
        _ => $"Demo error with status {status}.",
    };

    private static string AnthropicType(int status) => status switch
    {
        400 => "invalid_request_error",
        401 => "authentication_error",
        403 => "permission_error",
        404 => "not_found_error",
        429 => "rate_limit_error",
        529 => "overloaded_error",
        _ => "api_error",
    };

    private static string GoogleStatus(int status) => status switch
    {
        400 => "INVALID_ARGUMENT",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        429 => "RESOURCE_EXHAUSTED",
        503 => "UNAVAILABLE",
        _ => "INTERNAL",
    };

    private sealed class ErrorResult(int status, string json, int? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (retryAfter is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            httpContext.Response.ContentType = "application/json";
            return httpContext.Response.WriteAsync(json, httpContext.RequestAborted);
        }
    }
}
