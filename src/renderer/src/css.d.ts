/** Side-effect style imports (Mantine's CSS, app.css), bundled by Vite. */
declare module '*.css';
