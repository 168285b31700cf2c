using Observer.Actors.Tasks;
using Observer.Actors.Tests.Support;
using static Observer.Actors.Tests.Tasks.Scenarios.ScenarioBuilder;

namespace Observer.Actors.Tests.Tasks.Scenarios;

/// <summary>Scenarios grouped by conversation continuity, pauses and parallel conversations.</summary>
internal static partial class ScenarioCorpus
{
    private const string SupportPrompt = "You are a friendly customer support agent for Acme Shop. Help customers with orders, refunds and shipping.";

    private static IEnumerable<Scenario> Conversations()
    {
        var t = new ChatThread(SupportPrompt);
        yield return new ScenarioBuilder("single conversation, three turns")
            .Ask("support-bot", "A", 0, t, "Where is my order #4411?", "It shipped yesterday and arrives Thursday.")
            .Ask("support-bot", "A", 12, t, "Can I change the delivery address?", "Yes, until it leaves the depot.")
            .Ask("support-bot", "A", 25, t, "Great, change it to 5 Elm Street.", "Done: the address is updated.")
            .Build();

        var a = new ChatThread(SupportPrompt);
        var b = new ChatThread("You are a coding assistant. Write idiomatic Python with unit tests.");
        yield return new ScenarioBuilder("two agents interleaved")
            .Ask("support-bot", "A", 0, a, "I want a refund for order #9.", "I can help with that refund.")
            .Ask("coder", "B", 2, b, "Write a function that parses ISO dates.", "def parse_iso(s): ...")
            .Ask("support-bot", "A", 9, a, "It arrived broken.", "Sorry! The refund is issued.")
            .Ask("coder", "B", 11, b, "Add unit tests for it.", "def test_parse_iso(): ...")
            .Ask("coder", "B", 20, b, "Handle time zones too.", "Updated to handle offsets.")
            .Build();

        var p = new ChatThread(SupportPrompt);
        yield return new ScenarioBuilder("conversation split by a long pause")
            .Ask("support-bot", "A", 0, p, "My parcel is late.", "Let me check: it is at the depot.")
            .Ask("support-bot", "A", 15, p, "When will it arrive?", "Tomorrow before noon.")
            .Ask("support-bot", "B", 15 + 600, p, "It still has not arrived.", "I have opened an investigation.")
            .Ask("support-bot", "B", 630, p, "Thanks, please email me.", "You will get an email today.")
            .Build();

        var s1 = new ChatThread(SupportPrompt);
        var s2 = new ChatThread(SupportPrompt);
        yield return new ScenarioBuilder("parallel conversations of one agent, same prompt")
            .Ask("support-bot", "A", 0, s1, "Hi, my order #100 is missing an item.", "Sorry about that, which item?")
            .Ask("support-bot", "B", 3, s2, "How do I reset my password?", "Use the 'Forgot password' link.")
            .Ask("support-bot", "A", 8, s1, "The blue mug.", "A replacement mug is on its way.")
            .Ask("support-bot", "B", 10, s2, "The link does not arrive.", "I have re-sent it to your address.")
            .Ask("support-bot", "A", 18, s1, "Thank you!", "You're welcome.")
            .Build();

        var c1 = new ChatThread(SupportPrompt);
        var c2 = new ChatThread(SupportPrompt);
        var c3 = new ChatThread(SupportPrompt);
        yield return new ScenarioBuilder("three customers served in parallel")
            .Ask("support-bot", "A", 0, c1, "What is your return policy?", "30 days, unused items.")
            .Ask("support-bot", "B", 1, c2, "Do you ship to Canada?", "Yes, within 7 days.")
            .Ask("support-bot", "C", 2, c3, "My card was charged twice.", "I see two charges; one is refunded.")
            .Ask("support-bot", "B", 6, c2, "How much is shipping?", "A flat 9 dollars.")
            .Ask("support-bot", "A", 7, c1, "Even for sale items?", "Yes, sale items too.")
            .Ask("support-bot", "C", 9, c3, "When will I see it?", "Within 5 business days.")
            .Build();

        var w = new ChatThread(SupportPrompt);
        var slide = new ScenarioBuilder("sliding-window history keeps the last messages")
            .Ask("support-bot", "A", 0, w, "I need help with my subscription.", "Sure, what is the issue?")
            .Ask("support-bot", "A", 8, w, "It renewed without notice.", "I can refund the renewal.");
        w.Truncate(2);
        yield return slide
            .Ask("support-bot", "A", 16, w, "Please do, and cancel it.", "Refunded and cancelled.")
            .Build();

        var st = new ChatThread("You are a research assistant. Cite sources.");
        st.User("Summarize recent research on battery recycling.");
        var first = StreamedExchangeFactory.Chat("researcher-conn-1", At(0), st, "Recent papers focus on hydrometallurgy and direct recycling.");
        st.Assistant(ChatReply.Say("Recent papers focus on hydrometallurgy and direct recycling."));
        st.User("Which one is cheaper?");
        var second = StreamedExchangeFactory.Chat("researcher-conn-1", At(20), st, "Direct recycling is cheaper at scale.");
        yield return new ScenarioBuilder("streamed conversation")
            .Add("researcher", "A", first)
            .Add("researcher", "A", second)
            .Build();

        var longTalk = new ChatThread("You are a friendly tutor who explains maths step by step.");
        var builder = new ScenarioBuilder("a conversation longer than the maximum duration")
            .With(TaskCorrelationSettings.Default with { MaxDuration = TimeSpan.FromMinutes(2) });
        for (var i = 0; i < 10; i++)
        {
            builder.Ask("tutor", i * 20 < 120 ? "A" : "B", i * 20, longTalk, $"Next step {i}: what is {i} squared?", $"{i} squared is {i * i}.");
        }

        yield return builder.Build();

        var explicitType = new ChatThread("Translate the user's text into French. Keep the tone.");
        var typed = Headers(("X-Axom-Task-Type", "translation"));
        yield return new ScenarioBuilder("conversation with an explicit task type")
            .Ask("translator", "A", 0, explicitType, "Good morning, how are you?", "Bonjour, comment allez-vous ?", typed)
            .Ask("translator", "A", 5, explicitType, "See you tomorrow.", "À demain.", typed)
            .Build();

        var s = new ChatThread("You are an assistant that answers questions about our product catalogue.");
        var summary = new ChatThread("Summarize the following meeting transcript in five bullet points.");
        yield return new ScenarioBuilder("support chat and a summary job interleaved, different prompts")
            .Ask("helper", "A", 0, s, "Do you sell waterproof jackets?", "Yes, three models.")
            .Ask("helper", "B", 4, summary, "Transcript: Alice opened the meeting...", "- Budget approved\n- Hiring paused")
            .Ask("helper", "A", 9, s, "Which is the lightest?", "The Trail Lite at 280 g.")
            .Build();
    }
}
