// The desk's one WebSocket: signed in by the session cookie, resumed after every drop from the last sequence number
// seen per conversation, with a ping every 25 s. Hands frames to `onFrame`; `onState` hears 'online' / 'offline'.

export function deskSocket({ onFrame, onState, onReady }) {
  let socket = null;
  let delay = 1000;
  let pinger = null;
  let stopped = false;
  const subscriptions = new Map(); // conversationId -> last seq seen

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN && socket.ready) {
      socket.send(JSON.stringify(frame));
    }
  }

  function connect() {
    if (stopped) return;
    const url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/v1/stream';
    socket = new WebSocket(url);
    socket.onmessage = (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch (e) { return; }
      if (frame.type === 'ready' && frame.agentId) {
        socket.ready = true;
        delay = 1000;
        onState('online');
        clearInterval(pinger);
        pinger = setInterval(() => send({ type: 'ping' }), 25000);
        subscriptions.forEach((after, conversationId) => send({ type: 'subscribe', conversationId, after }));
        onReady();
        return;
      }
      if (frame.type === 'message' && frame.message) {
        const id = frame.message.conversationId;
        if (subscriptions.has(id)) subscriptions.set(id, Math.max(subscriptions.get(id), frame.message.seq));
      }
      onFrame(frame);
    };
    socket.onclose = () => {
      clearInterval(pinger);
      socket = null;
      onState('offline');
      if (!stopped) {
        setTimeout(connect, delay + Math.random() * 500);
        delay = Math.min(delay * 2, 30000);
      }
    };
  }

  connect();
  return {
    /** Follows a conversation's messages after `after`, now and after every reconnect. */
    follow(conversationId, after) {
      subscriptions.set(conversationId, after);
      send({ type: 'subscribe', conversationId, after });
    },
    unfollow(conversationId) {
      subscriptions.delete(conversationId);
      send({ type: 'unsubscribe', conversationId });
    },
    send,
    close() {
      stopped = true;
      clearInterval(pinger);
      if (socket) socket.close();
    },
  };
}
