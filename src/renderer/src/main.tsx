import './jitless'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ApiProvider } from './api/ApiContext'
import { chooseBridge } from './api/bridge'
import { applyStoredTheme } from './ui/theme'
import './styles.css'

applyStoredTheme()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider value={chooseBridge()}>
      <App />
    </ApiProvider>
  </StrictMode>,
)
