using System.Net;
using ThiDua.Bot.Channels.Zalo;

namespace ThiDua.Bot.Tests.Fakes;

/// <summary>For tests whose fake Zalo serves photos on loopback: loopback is allowed, every other rule stays.</summary>
internal sealed class LoopbackMediaRule : MediaAddressRule
{
    public override bool Allows(IPAddress address) => IPAddress.IsLoopback(address) || base.Allows(address);
}
