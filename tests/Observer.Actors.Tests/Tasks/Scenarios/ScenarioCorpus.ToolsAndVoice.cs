using Observer.Actors.Tests.Support;
using static Observer.Actors.Tests.Tasks.Scenarios.ScenarioBuilder;

namespace Observer.Actors.Tests.Tasks.Scenarios;

/// <summary>Scenarios grouped by tool chains and voice pipelines.</summary>
internal static partial class ScenarioCorpus
{
    private const string AgentPrompt = "You are an operations agent. Use the tools to look up orders and inventory before answering.";

    private static IEnumerable<Scenario> ToolsAndVoice()
    {
        var t = new ChatThread(AgentPrompt).User("Is order #778 delayed?");
        yield return new ScenarioBuilder("tool chain, one tool")
            .Chat("ops-agent", "A", 0, t, ChatReply.CallTools(("call_a1", "get_order")))
            .Chat("ops-agent", "A", 2, t.ToolResult("call_a1", "{\"status\":\"delayed\",\"eta\":\"2026-03-05\"}"), ChatReply.Say("Yes, it now arrives on 5 March."))
            .Build();

        var p = new ChatThread(AgentPrompt).User("Can I get 3 blue mugs and 2 red plates by Friday?");
        yield return new ScenarioBuilder("tool chain, parallel tool calls")
            .Chat("ops-agent", "A", 0, p, ChatReply.CallTools(("call_m1", "check_stock"), ("call_m2", "check_stock")))
            .Chat("ops-agent", "A", 3, p.ToolResult("call_m1", "{\"mugs\":12}").ToolResult("call_m2", "{\"plates\":0}"), ChatReply.Say("Mugs yes, plates are out of stock."))
            .Build();

        var m = new ChatThread(AgentPrompt).User("Refund order #55 if it was never delivered.");
        yield return new ScenarioBuilder("tool chain, three steps")
            .Chat("ops-agent", "A", 0, m, ChatReply.CallTools(("call_s1", "get_order")))
            .Chat("ops-agent", "A", 2, m.ToolResult("call_s1", "{\"delivered\":false}"), ChatReply.CallTools(("call_s2", "get_payment")))
            .Chat("ops-agent", "A", 4, m.ToolResult("call_s2", "{\"amount\":42.5}"), ChatReply.CallTools(("call_s3", "refund")))
            .Chat("ops-agent", "A", 6, m.ToolResult("call_s3", "{\"ok\":true}"), ChatReply.Say("Refunded 42.50."))
            .Build();

        var x = new ChatThread(AgentPrompt).User("Where is order #1?");
        var y = new ChatThread(AgentPrompt).User("Cancel order #2.");
        yield return new ScenarioBuilder("two tool chains of one agent interleaved")
            .Chat("ops-agent", "A", 0, x, ChatReply.CallTools(("call_x1", "get_order")))
            .Chat("ops-agent", "B", 1, y, ChatReply.CallTools(("call_y1", "cancel_order")))
            .Chat("ops-agent", "A", 3, x.ToolResult("call_x1", "{\"status\":\"shipped\"}"), ChatReply.Say("Order #1 has shipped."))
            .Chat("ops-agent", "B", 4, y.ToolResult("call_y1", "{\"cancelled\":true}"), ChatReply.Say("Order #2 is cancelled."))
            .Build();

        yield return Voice("voice pipeline, three turns", "voice-agent", 0, 3, "A");

        var twoCalls = new ScenarioBuilder("two voice calls separated by a long pause");
        AddVoiceTurns(twoCalls, "voice-agent", 0, 2, "A", new ChatThread(VoicePrompt));
        AddVoiceTurns(twoCalls, "voice-agent", 300, 2, "B", new ChatThread(VoicePrompt));
        yield return twoCalls.Build();

        var withText = new ScenarioBuilder("voice agent next to a text agent");
        AddVoiceTurns(withText, "voice-agent", 0, 2, "A", new ChatThread(VoicePrompt));
        var text = new ChatThread("You write product descriptions for an online shop.");
        withText.Ask("writer", "B", 1, text, "Describe a walnut cutting board.", "A warm, durable walnut board...")
            .Ask("writer", "B", 8, text, "Make it shorter.", "Durable walnut board.");
        yield return withText.Build();

        var r1 = Guid.NewGuid().ToString("N");
        yield return new ScenarioBuilder("responses api chained by previous_response_id")
            .Add("researcher", "A", ExchangeFactory.Response("researcher-conn", At(0), "battery recycling methods", $"resp_{r1}_1", null, "You are a research assistant."))
            .Add("researcher", "A", ExchangeFactory.Response("researcher-conn", At(14), "costs of each method", $"resp_{r1}_2", $"resp_{r1}_1", "You are a research assistant."))
            .Add("researcher", "A", ExchangeFactory.Response("researcher-conn", At(29), "which startups do this", $"resp_{r1}_3", $"resp_{r1}_2", "You are a research assistant."))
            .Build();

        var r2 = Guid.NewGuid().ToString("N");
        yield return new ScenarioBuilder("two responses api chains interleaved")
            .Add("researcher", "A", ExchangeFactory.Response("researcher-conn", At(0), "solid state batteries", $"resp_{r2}_a1", null, "You are a research assistant."))
            .Add("researcher", "B", ExchangeFactory.Response("researcher-conn", At(3), "sodium ion batteries", $"resp_{r2}_b1", null, "You are a research assistant."))
            .Add("researcher", "A", ExchangeFactory.Response("researcher-conn", At(10), "who leads in patents", $"resp_{r2}_a2", $"resp_{r2}_a1", "You are a research assistant."))
            .Add("researcher", "B", ExchangeFactory.Response("researcher-conn", At(12), "cost per kWh", $"resp_{r2}_b2", $"resp_{r2}_b1", "You are a research assistant."))
            .Build();
    }

    private const string VoicePrompt = "You are a voice receptionist for a dental clinic. Keep answers short and spoken.";

    private static Scenario Voice(string name, string agent, double start, int turns, string task)
    {
        var builder = new ScenarioBuilder(name);
        AddVoiceTurns(builder, agent, start, turns, task, new ChatThread(VoicePrompt));
        return builder.Build();
    }

    /// <summary>Each turn: transcribe the caller, answer with the LLM, speak the answer (about 6 s per turn).</summary>
    private static void AddVoiceTurns(ScenarioBuilder builder, string agent, double start, int turns, string task, ChatThread thread)
    {
        string[] said = ["Hi, I'd like to book a cleaning.", "Tuesday morning works.", "Yes, my name is Sam Lee.", "Thanks, bye."];
        for (var i = 0; i < turns; i++)
        {
            var at = start + (i * 9);
            var answer = $"Sure. Step {i + 1} noted.";
            builder.Add(agent, task, ExchangeFactory.Transcription($"{agent}-stt", At(at), said[i % said.Length]));
            builder.Chat(agent, task, at + 0.8, thread.User(said[i % said.Length]), ChatReply.Say(answer), connection: "llm");
            builder.Add(agent, task, ExchangeFactory.Speech($"{agent}-tts", At(at + 2), answer));
        }
    }
}
