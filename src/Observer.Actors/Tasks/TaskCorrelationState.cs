using System.Collections.Immutable;
using Observer.Contracts.Ids;
using Observer.Providers.Detection;

namespace Observer.Actors.Tasks;

/// <summary>
/// The open tasks of one agent and the pure decisions over them: <see cref="Handle"/> groups a call,
/// <see cref="Tick"/> closes idle and over-long tasks, <see cref="CloseAll"/> flushes. Event time is the calls' own
/// timestamps; <c>now</c> only decides closing, so a test drives it with a fake clock.
/// </summary>
public sealed record TaskCorrelationState
{
    public static TaskCorrelationState Empty { get; } = new();

    public ImmutableArray<OpenTask> OpenTasks { get; init; } = [];

    /// <summary>Groups a call: closes what it outlived, finds or opens its task, stamps its task id.</summary>
    public CorrelationResult Handle(DetectedCall detected, DateTimeOffset now, TaskCorrelationSettings settings, Func<DateTimeOffset, string>? newTaskId = null)
    {
        var call = detected.Signal;
        var features = detected.Features;
        var closed = new List<OpenTask>();
        var closedStatuses = new List<string>();

        // Tasks the call's start already outlived cannot take it; close them first (the tick may not have run yet).
        // A call stamped ahead of this node's clock closes nothing the clock has not reached.
        var at = call.Timestamp < now ? call.Timestamp : now;
        var open = CloseExpired(OpenTasks, at, settings, closed, closedStatuses);
        var match = TaskMatcher.Match(open, call, features, settings);
        OpenTask task;
        if (match.Task is { } existing)
        {
            task = existing.Add(call, features, match.Evidence, settings);
            if (!match.ContinuesConversation)
            {
                task = task.WithRoot(features, settings);
            }

            open = open.SetItem(IndexOf(open, existing), task);
        }
        else
        {
            var id = (newTaskId ?? SignalId.New)(call.Timestamp);
            var key = CallFacts.ExplicitKey(features);
            var correlation = key is null ? TaskCorrelations.TimeWindow : TaskCorrelations.Explicit;
            task = OpenTask.Open(id, call, features, key, correlation, settings);
            open = open.Add(task);
            if (open.Length > settings.MaxOpenTasks)
            {
                var oldest = open.Where(t => t.Id != task.Id).MinBy(t => t.LastEndAt)!;
                open = open.RemoveAt(IndexOf(open, oldest));
                closed.Add(oldest);
                closedStatuses.Add(TaskStatuses.Completed);
            }
        }

        if (features.ExplicitTaskEnd)
        {
            open = open.RemoveAt(IndexOf(open, task));
            closed.Add(task);
            closedStatuses.Add(TaskStatuses.Completed);
        }

        var signals = TaskSignalFactory.Create(closed, closedStatuses, settings.Rules);
        return new CorrelationResult(this with { OpenTasks = open }, call with { TaskId = task.Id }, signals);
    }

    /// <summary>Closes tasks idle for the idle gap (<c>completed</c>) or open for the maximum duration (<c>timed_out</c>).</summary>
    public CorrelationResult Tick(DateTimeOffset now, TaskCorrelationSettings settings)
    {
        var closed = new List<OpenTask>();
        var statuses = new List<string>();
        var open = CloseExpired(OpenTasks, now, settings, closed, statuses);
        return closed.Count == 0
            ? new CorrelationResult(this, null, [])
            : new CorrelationResult(this with { OpenTasks = open }, null, TaskSignalFactory.Create(closed, statuses, settings.Rules));
    }

    /// <summary>Closes every open task as completed (the entity is stopping or handing off).</summary>
    public CorrelationResult CloseAll(TaskCorrelationSettings settings)
    {
        var statuses = OpenTasks.Select(_ => TaskStatuses.Completed).ToList();
        return new CorrelationResult(Empty, null, TaskSignalFactory.Create(OpenTasks, statuses, settings.Rules));
    }

    /// <summary>By reference: records compare by value, which is slower and not what identifies a task here.</summary>
    private static int IndexOf(ImmutableArray<OpenTask> open, OpenTask task)
    {
        for (var i = 0; i < open.Length; i++)
        {
            if (ReferenceEquals(open[i], task))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"task {task.Id} is not open");
    }

    private static ImmutableArray<OpenTask> CloseExpired(
        ImmutableArray<OpenTask> open, DateTimeOffset at, TaskCorrelationSettings settings, List<OpenTask> closed, List<string> statuses)
    {
        foreach (var task in open)
        {
            if (at - task.StartedAt >= settings.MaxDuration)
            {
                closed.Add(task);
                statuses.Add(TaskStatuses.TimedOut);
            }
            else if (at - task.LastEndAt >= settings.IdleGap)
            {
                closed.Add(task);
                statuses.Add(TaskStatuses.Completed);
            }
        }

        return closed.Count == 0 ? open : open.RemoveAll(t => closed.Exists(c => ReferenceEquals(c, t)));
    }
}
