using BlazorPartner.Core.Calendar;
using BlazorPartner.Core.Time;

namespace BlazorPartner.Features.Opportunities;

/// <summary>The opportunity state machine and deadline arithmetic (R10, R11), free of I/O.</summary>
public static class OpportunityRules
{
    public const int AcceptanceWorkingDays = 3;

    public static readonly IReadOnlyList<ProgressStage> StageOrder =
        [ProgressStage.Contacting, ProgressStage.Solution, ProgressStage.Bidding, ProgressStage.Contract, ProgressStage.Delivering, ProgressStage.Delivered];

    /// <summary>
    /// R10: the end (Beijing midnight) of the 3rd working day after the Beijing day the opportunity was shared.
    /// Shared Friday → Mon, Tue, Wed count → auto-rejected once Wednesday ends.
    /// </summary>
    public static DateTime AcceptanceDeadlineUtc(DateTime sharedAtUtc, WorkingDayCalendar calendar)
    {
        var lastDay = calendar.AddWorkingDays(BeijingTime.DateOf(sharedAtUtc), AcceptanceWorkingDays);
        return BeijingTime.StartOfDayUtc(lastDay.AddDays(1));
    }

    /// <summary>Working days left after today before the deadline passes; 0 means it auto-rejects at the end of today.</summary>
    public static int WorkingDaysLeft(DateTime deadlineUtc, DateTime nowUtc, WorkingDayCalendar calendar)
    {
        if (nowUtc >= deadlineUtc)
        {
            return -1;
        }

        var lastDay = BeijingTime.DateOf(deadlineUtc).AddDays(-1);
        return calendar.CountWorkingDays(BeijingTime.DateOf(nowUtc), lastDay);
    }

    public static bool IsTerminal(OpportunityStatus status) =>
        status is OpportunityStatus.Delivered or OpportunityStatus.Lost or OpportunityStatus.Rejected or OpportunityStatus.AutoRejected;

    /// <summary>
    /// R11: forward only, one or more steps (a deal can jump from contacting to contract), Lost from any open stage,
    /// nothing after Delivered or Lost. Re-recording the current stage is allowed, to log a note.
    /// </summary>
    public static bool CanMoveTo(ProgressStage current, ProgressStage next)
    {
        if (current is ProgressStage.Delivered or ProgressStage.Lost)
        {
            return false;
        }

        if (next == ProgressStage.Lost)
        {
            return true;
        }

        return StageOrder.IndexOf(next) >= StageOrder.IndexOf(current);
    }

    public static IEnumerable<ProgressStage> NextStages(ProgressStage current) =>
        Enum.GetValues<ProgressStage>().Where(s => CanMoveTo(current, s));

    public static OpportunityStatus StatusFor(ProgressStage stage) => stage switch
    {
        ProgressStage.Delivered => OpportunityStatus.Delivered,
        ProgressStage.Lost => OpportunityStatus.Lost,
        _ => OpportunityStatus.InProgress,
    };
}

file static class ListExtensions
{
    public static int IndexOf<T>(this IReadOnlyList<T> list, T item)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (EqualityComparer<T>.Default.Equals(list[i], item))
            {
                return i;
            }
        }

        return -1;
    }
}
