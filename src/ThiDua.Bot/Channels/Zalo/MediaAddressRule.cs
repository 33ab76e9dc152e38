using System.Net;

namespace ThiDua.Bot.Channels.Zalo;

/// <summary>
/// Which network addresses a photo may be fetched from: public ones only. Loopback, link-local, private, shared
/// (CGNAT), documentation, multicast and reserved ranges, IPv4 or IPv6 (mapped addresses included), are never
/// reached, so a photo_url cannot make the bot call into the machine or the office network.
/// </summary>
public class MediaAddressRule
{
    private static readonly IPNetwork[] NotPublic = [.. new[]
    {
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
        "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3",
        "::/127", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
    }.Select(IPNetwork.Parse)];

    public virtual bool Allows(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        return !NotPublic.Any(n => n.Contains(address));
    }
}
