import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Portal } from './Portal.js';
import '../style.css';

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <Portal />
    </StrictMode>,
  );
