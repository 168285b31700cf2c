using Observer.Actors.Tasks;
using Observer.Actors.Tasks.Rules;

namespace Observer.Actors.Tests.Tasks;

public sealed class TaskRulesTests
{
    public static TheoryData<string, string> Texts => new()
    {
        { "You are an SDR. Write a cold call script to pitch our CRM to a prospect and handle objections.", "cold_calling" },
        { "Write a promotional email for our newsletter with a catchy subject line and a clear CTA.", "email_marketing" },
        { "You are a friendly customer support agent. The customer asks about a refund for my order.", "customer_support" },
        { "Write a blog post about remote work with an SEO headline.", "content_creation" },
        { "Analyze the dataset in this CSV and report revenue trends and the median order value.", "data_analysis" },
        { "Write a Python function to parse dates and add unit tests. Fix the bug in this code.", "code_generation" },
        { "Translate the following text into French, keep the tone.", "translation" },
        { "Generate an image of a photorealistic mountain at dawn, digital art.", "image_generation" },
        { "Schedule a meeting with Dana next week; check calendar availability and time slots.", "meeting_scheduling" },
        { "You are a research assistant. Find sources and citations on market research for EV chargers.", "research" },
        { "Summarize this meeting transcript into key points.", "summarization" },
        { "Classify the sentiment of each customer review as positive, negative or neutral.", "sentiment_analysis" },
        { "Answer the question using the knowledge base. What is the capital of Peru?", "question_answering" },
        { "Hello there.", "general" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void ClassificationText_DefaultRulesPickType(string text, string expected)
    {
        var (type, confidence) = TaskTypeClassifier.ClassifyText(text, TaskRules.Default);
        Assert.Equal(expected, type);
        Assert.InRange(confidence, 0.2, 1.0);
    }

    [Fact]
    public void ConfigFileTaskRules_OverrideTypesAndKeepDefaultOutcomes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"axom-rules-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, """
            listen: 0.0.0.0:8080
            task_rules:
              types:
                - type: invoice_processing
                  keywords: [invoice, vat]
                  patterns: ['\bINV-\d+\b']
              fallback: { type: general, confidence: 0.1 }
            """);
        try
        {
            var rules = TaskRulesLoader.Load(path);
            Assert.Equal(("invoice_processing", 0.8), TaskTypeClassifier.ClassifyText("Extract the VAT from invoice INV-2041.", rules));
            Assert.Equal(("general", 0.1), TaskTypeClassifier.ClassifyText("Write a poem.", rules));
            Assert.Equal(TaskRules.Default.Outcomes.Count, rules.Outcomes.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void InvalidPattern_FailsNamingTheRule()
    {
        var error = Assert.Throws<InvalidDataException>(() => TaskRulesLoader.Parse("types:\n  - type: broken\n    patterns: ['(unclosed']\n"));
        Assert.Contains("types[0].patterns[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOutcome_FailsNamingTheValue()
    {
        var error = Assert.Throws<InvalidDataException>(() => TaskRulesLoader.Parse("outcomes:\n  - outcome: great\n    when: { min_errors: 0 }\n"));
        Assert.Contains("'great'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultRules_CoverAllThirteenTypes()
    {
        string[] expected =
        [
            "cold_calling", "email_marketing", "customer_support", "content_creation", "data_analysis", "code_generation", "translation",
            "image_generation", "meeting_scheduling", "research", "summarization", "sentiment_analysis", "question_answering",
        ];
        Assert.Equal(expected.Order(), TaskRules.Default.Types.Select(t => t.Type).Order());
        Assert.Equal("voice_conversation", TaskRules.Default.VoiceType);
        Assert.Equal("general", TaskRules.Default.FallbackType);
        Assert.Equal(TaskOutcomes.Unknown, TaskRules.Default.DefaultOutcome);
    }
}
