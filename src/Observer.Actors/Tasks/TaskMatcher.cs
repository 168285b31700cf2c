using System.Collections.Immutable;
using Observer.Contracts.Signals;
using Observer.Providers.Detection;

namespace Observer.Actors.Tasks;

/// <summary>The open task a call joins and the evidence for it; a null task means the call opens a new one.</summary>
/// <param name="Task">The task to join, or null.</param>
/// <param name="Evidence">A <see cref="TaskCorrelations"/> value.</param>
/// <param name="ContinuesConversation">True when the call continues an earlier call's conversation or tool chain.</param>
public readonly record struct TaskMatch(OpenTask? Task, string Evidence, bool ContinuesConversation);

/// <summary>
/// Picks the open task a call belongs to, in order of evidence: explicit header or trace id, conversation
/// continuity, tool chain, voice pipeline, time window. Pure: reads open tasks, decides nothing else.
/// </summary>
internal static class TaskMatcher
{
    public static TaskMatch Match(ImmutableArray<OpenTask> open, AiCallSignal call, CallFeatures features, TaskCorrelationSettings settings)
    {
        if (CallFacts.ExplicitKey(features) is { } key)
        {
            return new TaskMatch(Find(open, t => t.ExplicitKey == key), TaskCorrelations.Explicit, false);
        }

        if (Conversation(open, call, features) is { } conversation)
        {
            return new TaskMatch(conversation, TaskCorrelations.Conversation, true);
        }

        if (features.ToolCallIdsAnswered.Count > 0 && Find(open, t => BoundedList.Overlaps(t.ToolCallIds, features.ToolCallIdsAnswered)) is { } chained)
        {
            return new TaskMatch(chained, TaskCorrelations.ToolChain, true);
        }

        if (Pipeline(open, call, settings) is { } voice)
        {
            return new TaskMatch(voice, TaskCorrelations.Pipeline, false);
        }

        return new TaskMatch(TimeWindow(open, call, features, settings), TaskCorrelations.TimeWindow, false);
    }

    private static OpenTask? Conversation(ImmutableArray<OpenTask> open, AiCallSignal call, CallFeatures features)
    {
        // The longest matching prefix wins: it is the most specific earlier call this request extends. A task's
        // fingerprint bit mask rejects most tasks without looking at their fingerprints.
        var prefixes = features.PrefixHashes;
        var mask = OpenTask.FingerprintBits(prefixes);
        OpenTask? best = null;
        var bestIndex = -1;
        foreach (var task in open)
        {
            if ((task.FingerprintMask & mask) == 0)
            {
                continue;
            }

            for (var i = prefixes.Count - 1; i > bestIndex; i--)
            {
                if (task.Fingerprints.Contains(prefixes[i]))
                {
                    best = task;
                    bestIndex = i;
                    break;
                }
            }
        }

        if (best is not null)
        {
            return best;
        }

        if (features.PreviousResponseId is { } previous && Find(open, t => t.ResponseIds.Contains(previous)) is { } responses)
        {
            return responses;
        }

        return CallFacts.IsWebSocket(call) ? Find(open, t => t.WebSocketSessions.Contains(call.SessionId)) : null;
    }

    private static OpenTask? Pipeline(ImmutableArray<OpenTask> open, AiCallSignal call, TaskCorrelationSettings settings)
    {
        if (call.Category is not (CallFacts.SpeechToText or CallFacts.TextToSpeech or CallFacts.Llm))
        {
            return null;
        }

        var voice = MostRecent(open, t => t.IsVoice && t.ExplicitKey is null && Gap(t, call) < settings.IdleGap);
        if (voice is null)
        {
            return null;
        }

        // Speech stages join the voice conversation; an LLM call joins only as the turn's step after speech.
        return call.Category != CallFacts.Llm || (voice.LastCategory == CallFacts.SpeechToText && Gap(voice, call) <= settings.PipelineTurnGap)
            ? voice
            : null;
    }

    private static OpenTask? TimeWindow(ImmutableArray<OpenTask> open, AiCallSignal call, CallFeatures features, TaskCorrelationSettings settings)
    {
        var root = CallFacts.RootHash(features);
        return MostRecent(open, t =>
            t.ExplicitKey is null
            && Gap(t, call) < settings.IdleGap
            // The same prompt template started afresh is the next (or a parallel) instance of the work, not a step of it.
            && !(root is { } r && t.RootHashes.Contains(r)));
    }

    private static TimeSpan Gap(OpenTask task, AiCallSignal call) => call.Timestamp - task.LastEndAt;

    private static OpenTask? Find(ImmutableArray<OpenTask> open, Func<OpenTask, bool> predicate)
    {
        foreach (var task in open)
        {
            if (predicate(task))
            {
                return task;
            }
        }

        return null;
    }

    private static OpenTask? MostRecent(ImmutableArray<OpenTask> open, Func<OpenTask, bool> predicate)
    {
        OpenTask? best = null;
        foreach (var task in open)
        {
            if (predicate(task) && (best is null || task.LastEndAt > best.LastEndAt))
            {
                best = task;
            }
        }

        return best;
    }
}
