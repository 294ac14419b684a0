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
        // One long-cached chunk for the libraries every page needs; page code is split per route.
        manualChunks: (id) => (/node_modules\/(react|react-dom|react-router|scheduler)\//.test(id) ? 'react' : /node_modules\/(antd|@ant-design|rc-|@rc-component|dayjs)/.test(id) ? 'antd' : undefined),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/health': 'http://localhost:3000' } },
});
