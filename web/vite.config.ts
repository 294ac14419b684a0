import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The build lands where the Nest app serves it from (src/web-app/serve-web-app.ts): dist/web.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        // React in one long-cached chunk; antd is left to be split by use, so that the first page loads only
        // the components it shows (one antd chunk of every page's components doubled the time to interactive).
        manualChunks: (id) => (/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id) ? 'react' : undefined),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
