namespace ThiDua.Core.Knowledge;

/// <summary>Holds the current knowledge base; a newly published plan swaps in a new one without a restart.</summary>
public sealed class KnowledgeProvider(KnowledgeBase initial)
{
    private volatile KnowledgeBase _current = initial;

    public KnowledgeBase Current => _current;

    public void Replace(KnowledgeBase next) => _current = next;
}
