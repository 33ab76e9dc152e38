using ThiDua.Core.Conversations;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Access;

public static class UnitLookup
{
    /// <summary>The unit a button names: by its key, or, for a long key written short, among the units.</summary>
    public static Unit? UnitNamed(this BotDatabase db, KeyRef unit) =>
        unit.Find(key => db.Units.FindById(key), db.Units.FindAll, u => u.Key);
}
