// The baseline of the chat benchmark: a bare socket.io server that acknowledges every message
// with itself, on the port given as the first argument. Nothing is stored.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const port = Number(process.argv[2]);
const http = createServer();
const io = new Server(http, { serveClient: false });
io.on('connection', (socket) => socket.on('echo', (payload, ack) => ack?.(payload)));
http.listen(port, '127.0.0.1', () => console.log(`echo listening on ${port}`));
