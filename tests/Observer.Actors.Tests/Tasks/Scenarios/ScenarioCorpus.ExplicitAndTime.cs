using Observer.Actors.Tasks;
using Observer.Actors.Tests.Support;
using static Observer.Actors.Tests.Tasks.Scenarios.ScenarioBuilder;

namespace Observer.Actors.Tests.Tasks.Scenarios;

/// <summary>Scenarios grouped by explicit headers, trace context and the time window.</summary>
internal static partial class ScenarioCorpus
{
    public static IReadOnlyList<Scenario> All { get; } = [.. Conversations(), .. ToolsAndVoice(), .. ExplicitAndTime()];

    private static IEnumerable<Scenario> ExplicitAndTime()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        yield return new ScenarioBuilder("explicit task ids interleaved")
            .Ask("mailer", "A", 0, new ChatThread("Write a marketing email."), "Spring sale announcement", "Subject: Spring sale!", Headers(("X-Axom-Task-Id", $"t1-{id}")))
            .Ask("mailer", "B", 1, new ChatThread("Write a marketing email."), "Loyalty program launch", "Subject: Join our club", Headers(("X-Axom-Task-Id", $"t2-{id}")))
            .Ask("mailer", "A", 3, new ChatThread("Suggest subject lines."), "Spring sale", "1. Spring into savings", Headers(("X-Axom-Task-Id", $"t1-{id}")))
            .Ask("mailer", "B", 4, new ChatThread("Suggest subject lines."), "Loyalty", "1. You're in!", Headers(("X-Axom-Task-Id", $"t2-{id}")))
            .Build();

        yield return new ScenarioBuilder("explicit end, then the same id again")
            .Ask("mailer", "A", 0, new ChatThread("Write a marketing email."), "Welcome email", "Welcome aboard!", Headers(("X-Axom-Task-Id", "onboarding")))
            .Ask("mailer", "A", 2, new ChatThread("Proofread."), "Welcome aboard!", "Looks good.", Headers(("X-Axom-Task-Id", "onboarding"), ("X-Axom-Task-End", "true")))
            .Ask("mailer", "B", 5, new ChatThread("Write a marketing email."), "Second welcome email", "Hello again!", Headers(("X-Axom-Task-Id", "onboarding")))
            .Build();

        yield return ExplicitHeader("helicone session header", "Helicone-Session-Id");
        yield return ExplicitHeader("portkey trace header", "x-portkey-trace-id");
        yield return ExplicitHeader("litellm session header", "x-litellm-session-id");
        yield return ExplicitHeader("agent-session-id header", "agent-session-id");

        var trace1 = TraceParent("4bf92f3577b34da6a3ce929d0e0e4736");
        var trace2 = TraceParent("00f067aa0ba902b74bf92f3577b34da6");
        yield return new ScenarioBuilder("traceparent per task, two traces interleaved")
            .Ask("planner", "A", 0, new ChatThread("Plan a trip itinerary."), "3 days in Lisbon", "Day 1: Alfama...", trace1)
            .Ask("planner", "B", 1, new ChatThread("Plan a trip itinerary."), "2 days in Porto", "Day 1: Ribeira...", trace2)
            .Ask("planner", "A", 4, new ChatThread("Estimate a travel budget."), "Lisbon plan", "About 600 EUR.", trace1)
            .Ask("planner", "B", 5, new ChatThread("Estimate a travel budget."), "Porto plan", "About 400 EUR.", trace2)
            .Ask("planner", "A", 7, new ChatThread("Write a packing list."), "Lisbon in March", "Light jacket...", trace1)
            .Build();

        var docs = new ScenarioBuilder("batch job, same template on five documents");
        for (var i = 0; i < 5; i++)
        {
            docs.Ask("summarizer", $"doc{i}", i * 3, new ChatThread("Summarize the document in three bullet points."), $"Document {i}: quarterly report of branch {i}...", $"- Branch {i} grew");
        }

        yield return docs.Build();

        yield return new ScenarioBuilder("multi-step workflow with different prompts")
            .Ask("inbox-agent", "A", 0, new ChatThread("Classify the email: complaint, question or order."), "My blender broke after a week.", "complaint")
            .Ask("inbox-agent", "A", 2, new ChatThread("Draft a polite reply to a customer complaint."), "My blender broke after a week.", "We're sorry to hear...")
            .Ask("inbox-agent", "A", 5, new ChatThread("Write a short subject line for this reply."), "We're sorry to hear...", "Re: your blender")
            .Build();

        var retry = new ChatThread("You are a data analyst. Answer with SQL.").User("Monthly revenue by region for 2025?");
        yield return new ScenarioBuilder("retry after a rate limit")
            .Chat("analyst", "A", 0, retry, ChatReply.Say("unused"), status: 429)
            .Chat("analyst", "A", 2, retry, ChatReply.Say("SELECT region, month, SUM(amount) ..."))
            .Ask("analyst", "A", 10, retry, "Now only Europe.", "SELECT ... WHERE region = 'EU'")
            .Build();

        yield return new ScenarioBuilder("retrieval then answer, twice with a pause")
            .Add("rag-bot", "A", ExchangeFactory.Embedding("rag-conn", At(0), "warranty period for blenders"))
            .Ask("rag-bot", "A", 1, new ChatThread("Answer using the context."), "Context: ... Question: warranty for blenders?", "Two years.")
            .Add("rag-bot", "B", ExchangeFactory.Embedding("rag-conn", At(200), "return shipping cost"))
            .Ask("rag-bot", "B", 201, new ChatThread("Answer using the context."), "Context: ... Question: return shipping cost?", "Free within 30 days.")
            .Build();

        yield return new ScenarioBuilder("unrelated calls inside the idle gap")
            .Ask("assistant", "A", 0, new ChatThread("Suggest a recipe."), "Dinner with leeks", "Leek gratin.")
            .Ask("assistant", "A", 20, new ChatThread("Convert units."), "200 g flour in cups", "About 1.6 cups.")
            .Build();

        yield return new ScenarioBuilder("calls farther apart than the idle gap")
            .Ask("assistant", "A", 0, new ChatThread("Suggest a recipe."), "Dinner with leeks", "Leek gratin.")
            .Ask("assistant", "B", 45, new ChatThread("Convert units."), "200 g flour in cups", "About 1.6 cups.")
            .Build();

        yield return new ScenarioBuilder("image after a prompt-writing call")
            .Ask("designer", "A", 0, new ChatThread("Write an image prompt for a product banner."), "Spring sale banner", "A pastel spring garden with...")
            .Add("designer", "A", ExchangeFactory.Image("designer-conn", At(2), "A pastel spring garden with a sale sign"))
            .Build();

        var many = new ScenarioBuilder("five agents, single-shot calls");
        for (var agent = 0; agent < 5; agent++)
        {
            many.Ask($"bot-{agent}", "A", agent * 0.5, new ChatThread("Answer the question briefly."), $"Question {agent}?", "Answer.")
                .Ask($"bot-{agent}", "A", 6 + (agent * 0.5), new ChatThread("Rate the answer from 1 to 5."), "Answer.", "4");
        }

        yield return many.Build();

        yield return new ScenarioBuilder("same explicit id on two agents")
            .Ask("agent-1", "A", 0, new ChatThread("Translate to Spanish."), "Hello", "Hola", Headers(("X-Axom-Task-Id", "job-1")))
            .Ask("agent-2", "B", 1, new ChatThread("Translate to German."), "Hello", "Hallo", Headers(("X-Axom-Task-Id", "job-1")))
            .Ask("agent-1", "A", 2, new ChatThread("Translate to Spanish."), "Goodbye", "Adiós", Headers(("X-Axom-Task-Id", "job-1")))
            .Build();

        var failing = new ChatThread("You are a coding assistant.").User("Fix this null reference bug.");
        yield return new ScenarioBuilder("a server error, then the conversation goes on")
            .Chat("coder", "A", 0, failing, ChatReply.Say("unused"), status: 500)
            .Chat("coder", "A", 3, failing, ChatReply.Say("Check the variable before use."))
            .Ask("coder", "A", 12, failing, "Show me the code.", "if (x is null) return;")
            .Build();
    }

    private static Scenario ExplicitHeader(string name, string header)
    {
        var id = Guid.NewGuid().ToString("N");
        return new ScenarioBuilder(name)
            .Ask("tooling", "A", 0, new ChatThread("Extract entities."), "Acme hired Jo in Paris.", "Acme, Jo, Paris", Headers((header, $"{id}-1")))
            .Ask("tooling", "B", 1, new ChatThread("Extract entities."), "Beta moved to Rome.", "Beta, Rome", Headers((header, $"{id}-2")))
            .Ask("tooling", "A", 2, new ChatThread("Classify sentiment."), "Acme hired Jo in Paris.", "positive", Headers((header, $"{id}-1")))
            .Ask("tooling", "B", 3, new ChatThread("Classify sentiment."), "Beta moved to Rome.", "neutral", Headers((header, $"{id}-2")))
            .Build();
    }

    private static (string, string)[] TraceParent(string traceId) =>
        Headers(("traceparent", $"00-{traceId}-{Random.Shared.NextInt64():x16}-01"));
}
