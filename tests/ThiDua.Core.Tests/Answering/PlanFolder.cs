using ThiDua.Core.Knowledge;

namespace ThiDua.Core.Tests.Answering;

/// <summary>Every plan text of one folder of tests/eval, imported once as the command line does, then loaded.</summary>
public abstract class PlanFolder : IDisposable
{
    private readonly ImportedData _data = new();

    protected PlanFolder(string folder)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "eval", folder), "*.txt"))
            _data.Import(file);
        Knowledge = _data.Load();
    }

    public KnowledgeBase Knowledge { get; }

    public void Dispose()
    {
        _data.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The four real-style plans of the first whole-plan set.</summary>
public sealed class RealPlans() : PlanFolder("fullplans");

/// <summary>The three plans of the second whole-plan set (a commune, a province, a Sở).</summary>
public sealed class SecondPlanSet() : PlanFolder("fullplans2");

/// <summary>The four plans of the fourth whole-plan set (a decision issuing a plan, a Sở Y tế, a commune, a Hội nghị).</summary>
public sealed class FourthPlanSet() : PlanFolder("fullplans4");
