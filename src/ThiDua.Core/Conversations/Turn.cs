using ThiDua.Core.Access;
using ThiDua.Core.Knowledge;
using ThiDua.Core.Storage;

namespace ThiDua.Core.Conversations;

/// <summary>One message being handled: who sent it, the chat's context, the plans as loaded now, and notices for other chats.</summary>
public sealed record Turn(IncomingMessage Message, ChatState State, Actor Actor, List<PushedMessage> Pushed, KnowledgeBase Knowledge, DateOnly Today);
